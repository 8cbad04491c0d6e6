package dev.waymark.states.api;

import static dev.waymark.states.api.SfnEndpoint.asl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.MockInput;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** TestState (with mocks) through the AWS SDK v2 client. */
class DefinitionApiTest {
  private static final String TASK =
      asl(
          """
            {'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',
              'Parameters':{'FunctionName':'unknown','Payload.$':'$'},
              'ResultSelector':{'n.$':'$.Payload.n'},
              'Catch':[{'ErrorEquals':['Lambda.TooManyRequestsException'],'Next':'Later'}],
              'Next':'After'}""");

  @RegisterExtension static final SfnEndpoint EP = new SfnEndpoint();

  private final SfnClient sfn = EP.sfn;

  @Test
  void aMockedResultRunsTheStatesDataFlow() {
    var r =
        sfn.testState(
            b ->
                b.definition(TASK)
                    .input("{\"n\":1}")
                    .inspectionLevel(InspectionLevel.DEBUG)
                    .mock(
                        MockInput.builder()
                            .result("{\"StatusCode\":200,\"Payload\":{\"n\":5}}")
                            .build()));
    assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"n\":5}");
    assertThat(r.nextState()).isEqualTo("After");
    assertThat(r.inspectionData().afterResultSelector()).isEqualTo("{\"n\":5}");
  }

  @Test
  void aMockedErrorIsCaught() {
    var r =
        sfn.testState(
            b ->
                b.definition(TASK)
                    .input("{}")
                    .mock(
                        MockInput.builder()
                            .errorOutput(
                                e -> e.error("Lambda.TooManyRequestsException").cause("slow down"))
                            .build()));
    assertThat(r.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
    assertThat(r.nextState()).isEqualTo("Later");
    assertThat(r.error()).isEqualTo("Lambda.TooManyRequestsException");
  }

  @Test
  void aPassStateRunsWithoutAMock() {
    var r =
        sfn.testState(
            b ->
                b.definition(asl("{'Type':'Pass','Parameters':{'x.$':'$.a'},'End':true}"))
                    .input("{\"a\":7}"));
    assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"x\":7}");
  }

  @Test
  void anInvalidMockIsAValidationError() {
    assertThatThrownBy(
            () ->
                sfn.testState(
                    b ->
                        b.definition(TASK)
                            .input("{}")
                            .mock(MockInput.builder().result("{not json").build())))
        .isInstanceOf(ValidationException.class);
  }
}
