package dev.waymark.core.journey.importer.pinpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each Pinpoint activity, condition and setting, alone: what it becomes, and what is reported as
 * not carried over. Every document produced is also checked by the journey parser (the importer
 * refuses to answer a document Waymark would refuse).
 */
class PinpointImportTest {
  /** An export of the given activities (single quotes for double), starting at A. */
  static JsonNode export(String activities, String more) {
    return Json.parse(
        ("{'Name':'Test_Journey','StartActivity':'A','StartCondition':{'EventStartCondition':"
                + "{'EventFilter':{'FilterType':'ENDPOINT','Dimensions':{'EventType':"
                + "{'DimensionType':'INCLUSIVE','Values':['Go']}}}}},"
                + "'Activities':{"
                + activities
                + "}"
                + more
                + "}")
            .replace('\'', '"'));
  }

  static PinpointImport.Imported convert(String activities) {
    return PinpointImport.convert(export(activities, ""));
  }

  static String steps(PinpointImport.Imported imported) {
    return imported.document().path("steps").toString().replace('"', '\'');
  }

  static List<String> reasons(PinpointImport.Imported imported) {
    return imported.unmapped().stream().map(u -> u.field() + ": " + u.reason()).toList();
  }

  @Test
  void aWaitUntilAnInstantAndAnHttpsCustomActivity() {
    PinpointImport.Imported i =
        convert(
            "'A':{'Wait':{'WaitTime':{'WaitUntil':'2026-12-24T17:00:00.000Z'},'NextActivity':'B'}},"
                + "'B':{'CUSTOM':{'DeliveryUri':'https://crm.example.com/hook','EndpointTypes':['EMAIL'],"
                + "'MessageConfig':{'Data':'lead'}}}");
    assertThat(steps(i))
        .isEqualTo(
            "[{'id':'a','type':'wait','until':{'instant':'2026-12-24T17:00:00Z'},'next':'b'},"
                + "{'id':'b','type':'webhook','method':'POST','url':'https://crm.example.com/hook',"
                + "'body':'{\\'activity\\':\\'B\\',\\'profileId\\':\\'{{ profile.id }}\\',\\'data\\':\\'lead\\'}'}]");
    assertThat(reasons(i))
        .containsExactly(
            "/Activities/B/CUSTOM/EndpointTypes: Waymark calls the webhook once per person, not once per endpoint type");
  }

  @Test
  void theActivityTypeNamesOfTheConsoleAreReadAsTheExportsKeys() {
    PinpointImport.Imported i =
        convert(
            "'A':{'WAIT':{'WaitTime':{'WaitFor':'PT1H'},'NextActivity':'B'}},"
                + "'B':{'RANDOM_SPLIT':{'Branches':[{'Percentage':100,'NextActivity':'C'}]}},"
                + "'C':{'HOLDOUT':{'Percentage':5,'NextActivity':'D'}},"
                + "'D':{'MULTI_CONDITIONAL_SPLIT':{'Branches':[{'Condition':{'SegmentCondition':"
                + "{'SegmentId':'s'}},'NextActivity':'E'}]}},"
                + "'E':{'CONDITIONAL_SPLIT':{'Condition':{'Conditions':[{'SegmentCondition':"
                + "{'SegmentId':'t'}}]},'TrueActivity':'F'}},'F':{'CONTACT_CENTER':{}}");
    assertThat(i.document().path("steps").findValuesAsText("type"))
        .containsExactly("wait", "split", "split", "branch", "branch");
    assertThat(i.steps()).containsEntry("F", null);
  }

  @Test
  void aContactCenterActivityIsLeftOutAndItsParticipantsGoOn() {
    PinpointImport.Imported i =
        convert(
            "'A':{'ContactCenter':{'NextActivity':'B'}},'B':{'EMAIL':{'TemplateName':'Hello'}}");
    assertThat(i.document().path("start").asText()).isEqualTo("b");
    assertThat(i.steps()).containsEntry("A", null).containsEntry("B", "b");
    assertThat(reasons(i).get(0)).startsWith("/Activities/A/ContactCenter: a contact center call");
  }

  @Test
  void aHoldoutAfterTheStartIsASplitWhoseHeldOutShareEnds() {
    PinpointImport.Imported i =
        convert(
            "'A':{'EMAIL':{'TemplateName':'Hello','NextActivity':'H'}},"
                + "'H':{'Holdout':{'Percentage':20,'NextActivity':'B'}},'B':{'SMS':{'TemplateName':'Hello'}}");
    assertThat(steps(i))
        .contains(
            "{'id':'h','type':'split','variants':[{'name':'holdout','percent':20},"
                + "{'name':'continue','percent':80,'next':'b'}]}");
    assertThat(i.document().has("holdoutPercent")).isFalse();
    assertThat(i.templates())
        .singleElement()
        .extracting(PinpointImport.TemplateUse::channels)
        .isEqualTo(List.of("email", "sms"));
  }

  @Test
  void aRandomSplitMustAddUpToAHundredAndAZeroPathIsDropped() {
    PinpointImport.Imported i =
        convert(
            "'A':{'RandomSplit':{'Branches':[{'Percentage':70,'NextActivity':'B'},"
                + "{'Percentage':30},{'Percentage':0,'NextActivity':'B'}]}},'B':{'PUSH':{'TemplateName':'P'}}");
    assertThat(steps(i))
        .startsWith(
            "[{'id':'a','type':'split','variants':[{'name':'path-1','percent':70,'next':'b'},"
                + "{'name':'path-2','percent':30}]}");
    assertThat(
            Problems.of(
                () ->
                    convert(
                        "'A':{'RandomSplit':{'Branches':[{'Percentage':70},{'Percentage':20}]}}")))
        .containsExactly(
            "/Activities/A/RandomSplit/Branches: the paths' percentages add up to 90, not 100");
  }

  @Test
  void anySegmentIsOneBranchAndAllAttributesAreAChainAfterTheEvaluationWait() {
    PinpointImport.Imported any =
        convert(
            "'A':{'ConditionalSplit':{'Condition':{'Operator':'ANY','Conditions':["
                + "{'SegmentCondition':{'SegmentId':'vip'}},{'SegmentCondition':{'SegmentId':'gold'}}]},"
                + "'TrueActivity':'B','FalseActivity':'C'}},"
                + "'B':{'EMAIL':{'TemplateName':'Yes'}},'C':{'EMAIL':{'TemplateName':'No'}}");
    assertThat(steps(any))
        .startsWith(
            "[{'id':'a','type':'branch','conditions':[{'segment':'vip','member':true,'next':'b'},"
                + "{'segment':'gold','member':true,'next':'b'}],'default':'c'}");
    PinpointImport.Imported all =
        convert(
            "'A':{'ConditionalSplit':{'EvaluationWaitTime':{'WaitFor':'PT6H'},'Condition':{'Operator':'ALL',"
                + "'Conditions':[{'segmentDimensions':{'UserAttributes':{'tier':{'AttributeType':'EXCLUSIVE',"
                + "'Values':['basic']},'city':{'AttributeType':'CONTAINS','Values':['burg']}}}}]},"
                + "'TrueActivity':'B'}},'B':{'EMAIL':{'TemplateName':'Yes'}}");
    assertThat(steps(all))
        .isEqualTo(
            "[{'id':'a','type':'wait','duration':'PT6H','next':'a-3'},"
                + "{'id':'a-3','type':'branch','conditions':[{'trait':'tier','op':'equals','value':'basic'}],"
                + "'default':'a-2'},"
                + "{'id':'a-2','type':'branch','conditions':[{'trait':'city','op':'contains','value':'burg',"
                + "'next':'b'}]},"
                + "{'id':'b','type':'send','channels':['email'],'template':'yes','window':'any'}]");
  }

  @Test
  void aConditionWaymarkCannotTestCountsAsNotMetAndWhatOnlyItReachesIsLeftOut() {
    PinpointImport.Imported i =
        convert(
            "'A':{'ConditionalSplit':{'Condition':{'Conditions':[{'segmentDimensions':{'Demographic':"
                + "{'Platform':{'Values':['ios']}}}}]},'TrueActivity':'B','FalseActivity':'C'}},"
                + "'B':{'EMAIL':{'TemplateName':'Yes'}},'C':{'EMAIL':{'TemplateName':'No'}}");
    assertThat(i.document().path("start").asText()).isEqualTo("c");
    assertThat(i.steps()).containsEntry("A", null).containsEntry("B", null).containsEntry("C", "c");
    assertThat(reasons(i))
        .containsExactly(
            "/Activities/A/ConditionalSplit/Condition/Conditions/0/segmentDimensions/Demographic: Waymark"
                + " profiles have no endpoint demographic dimension; use a Waymark segment instead;"
                + " counted as not met",
            "/Activities/B/EMAIL: reached only through a condition counted as not met; left out");
  }

  @Test
  void aMultivariateSplitOfOneConditionPerPathIsOneBranch() {
    PinpointImport.Imported i =
        convert(
            "'A':{'EMAIL':{'TemplateName':'Hi','NextActivity':'M'}},"
                + "'M':{'MultiCondition':{'EvaluationWaitTime':{'WaitFor':'P1D'},'Branches':["
                + "{'Condition':{'EventCondition':{'MessageActivity':'A','Dimensions':{'EventType':"
                + "{'Values':['_email.click']}}}},'NextActivity':'B'},"
                + "{'Condition':{'segmentDimensions':{'Metrics':{'score':{'ComparisonOperator':'LESS_THAN',"
                + "'Value':10}}}},'NextActivity':'B'}],'DefaultActivity':'C'}},"
                + "'B':{'EMAIL':{'TemplateName':'Yes'}},'C':{'EMAIL':{'TemplateName':'No'}}");
    assertThat(steps(i))
        .contains(
            "{'id':'m','type':'wait','duration':'P1D','next':'m-2'},"
                + "{'id':'m-2','type':'branch','conditions':[{'message':'a','status':'clicked','next':'b'},"
                + "{'trait':'score','op':'lessThan','value':10,'next':'b'}],'default':'c'}");
  }

  @Test
  void theStartConditionLimitsQuietTimeAndScheduleBecomeTheDocumentsFields() {
    PinpointImport.Imported i =
        PinpointImport.convert(
            Json.parse(
                ("{'Name':'Renewals','StartActivity':'A','Activities':{'A':{'EMAIL':{'TemplateName':'R'}}},"
                        + "'StartCondition':{'SegmentStartCondition':{'SegmentId':'Lease_Ending'}},"
                        + "'Limits':{'EndpointReentryCap':3,'EndpointReentryInterval':'P400D','DailyCap':0},"
                        + "'QuietTime':{'Start':'20:00','End':'09:30'},'WaitForQuietTime':true,"
                        + "'Schedule':{'StartTime':'2026-01-01T00:00:00+01:00','EndTime':'2027-01-01T00:00:00Z'},"
                        + "'LocalTime':true,'OpenHours':{},'Colour':'red'}")
                    .replace('\'', '"')));
    JsonNode doc = i.document();
    assertThat(doc.path("entry").toString())
        .isEqualTo("{\"segment\":{\"id\":\"lease-ending\",\"on\":\"entered\"}}");
    assertThat(doc.path("entryCap").toString()).isEqualTo("{\"count\":3,\"within\":\"P3660D\"}");
    assertThat(doc.has("lock")).isFalse();
    assertThat(doc.path("startsAt").asText()).isEqualTo("2025-12-31T23:00:00Z");
    assertThat(doc.path("endsAt").asText()).isEqualTo("2027-01-01T00:00:00Z");
    assertThat(doc.path("steps").path(0).path("window").toString())
        .isEqualTo("{\"from\":\"09:30\",\"to\":\"20:00\"}");
    assertThat(i.unmapped().stream().map(PinpointImport.Unmapped::field))
        .containsExactlyInAnyOrder(
            "/StartCondition/SegmentStartCondition",
            "/Limits/EndpointReentryCap",
            "/Limits/EndpointReentryInterval",
            "/LocalTime",
            "/Colour",
            "/OpenHours");
  }

  @Test
  void noStartConditionEntersThroughTheApiAndOptionsNameTheIds() {
    JsonNode body =
        Json.parse(
            ("{'export':{'Name':'X','StartActivity':'A','Activities':{'A':{'SMS':{'TemplateName':'Old_Name'}}}},"
                    + "'id':'my-journey','templates':{'Old_Name':'new-name'}}")
                .replace('\'', '"'));
    PinpointImport.Imported i = PinpointImport.convert(body);
    assertThat(i.journeyId()).isEqualTo("my-journey");
    assertThat(i.document().path("entry").toString()).isEqualTo("{\"api\":true}");
    assertThat(i.document().path("steps").path(0).path("template").asText()).isEqualTo("new-name");
    assertThat(i.unmapped())
        .extracting(PinpointImport.Unmapped::field)
        .containsExactly("/export/StartCondition");
  }
}
