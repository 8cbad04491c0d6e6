package dev.waymark.core.journey.importer.pinpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.waymark.core.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed exports: a 400 problem naming the JSON pointer of each bad field. */
class BadExportsTest {
  static final String START =
      "'StartCondition':{'EventStartCondition':{'EventFilter':{'Dimensions':{'EventType':{'Values':['Go']}}}}},";

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[1,2]| /| must be a JSON object: a Pinpoint journey export",
        "{'StartActivity':'A','Activities':{'A':{'Wait':{'WaitTime':{'WaitFor':'P1D'}}}}}| /Name| is required",
        "{'Name':'x','Activities':{'A':{'Wait':{'WaitTime':{'WaitFor':'P1D'}}}}}| /StartActivity| is required",
        "{'Name':'x','StartActivity':'B','Activities':{'A':{'Wait':{'WaitTime':{'WaitFor':'P1D'}}}}}| /StartActivity| names no activity of the journey (\"B\")",
        "{'Name':'x','StartActivity':'A','Activities':{}}| /Activities| must have 1 to 100 activities",
        "{'Name':'x','StartActivity':'A','Activities':[]}| /Activities| must be an object",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'EMAIL':{'TemplateName':'T'},'SMS':{'TemplateName':'T'}}}}| /Activities/A| must have exactly one of EMAIL, SMS, PUSH, CUSTOM, Wait, ConditionalSplit, MultiCondition, RandomSplit, Holdout, ContactCenter (it has 2)",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'EMAIL':{'TemplateName':'T','NextActivity':'Z'}}}}| /Activities/A/EMAIL/NextActivity| names no activity of the journey (\"Z\")",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'EMAIL':{'TemplateName':'T','NextActivity':'B'}},'B':{'Wait':{'WaitTime':{'WaitFor':'P1D'},'NextActivity':'A'}}}}| /Activities/B/Wait/NextActivity| goes back to activity \"A\": a journey with a loop cannot be imported",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'EMAIL':{}}}}| /Activities/A/EMAIL/TemplateName| is required",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'EMAIL':{'TemplateName':7}}}}| /Activities/A/EMAIL/TemplateName| must be text",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'Wait':{'WaitTime':{'WaitFor':'soon'}}}}}| /Activities/A/Wait/WaitTime/WaitFor| must be an ISO-8601 duration longer than zero, such as PT1H or P1D",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'Wait':{'WaitTime':{'WaitFor':'P400D'}}}}}| /Activities/A/Wait/WaitTime/WaitFor| Waymark waits at most 365 days",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'Wait':{'WaitTime':{'WaitUntil':'tomorrow'}}}}}| /Activities/A/Wait/WaitTime/WaitUntil| must be an ISO-8601 date and time with an offset, such as 2026-12-01T09:00:00Z",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'Wait':{'WaitTime':{}}}}}| /Activities/A/Wait/WaitTime| must have exactly one of WaitFor and WaitUntil",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'Holdout':{'Percentage':101}}}}| /Activities/A/Holdout/Percentage| must be from 0 to 100",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'ConditionalSplit':{'Condition':{'Operator':'SOME','Conditions':[{'SegmentCondition':{'SegmentId':'s'}}]}}}}}| /Activities/A/ConditionalSplit/Condition/Operator| must be ALL or ANY",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'ConditionalSplit':{'Condition':{'Conditions':[{}]}}}}}| /Activities/A/ConditionalSplit/Condition/Conditions/0| needs one of EventCondition, SegmentCondition, segmentDimensions",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'ConditionalSplit':{'Condition':{'Conditions':[{'EventCondition':{'MessageActivity':'A','Dimensions':{'EventType':{'Values':['_email.open']}}}}]}}}}}| /Activities/A/ConditionalSplit/Condition/Conditions/0/EventCondition/MessageActivity| names no EMAIL, SMS or PUSH activity (\"A\")",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'MultiCondition':{'Branches':[{'Condition':{'segmentDimensions':{'Metrics':{'n':{'ComparisonOperator':'ABOUT','Value':1}}}}}]}}}}| /Activities/A/MultiCondition/Branches/0/Condition/segmentDimensions/Metrics/n/ComparisonOperator| must be GREATER_THAN, LESS_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN_OR_EQUAL or EQUAL",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'PUSH':{'TemplateName':'T'}}},'QuietTime':{'Start':'9pm','End':'08:00'}}| /QuietTime/Start| must be a time of day HH:MM (24-hour)",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'PUSH':{'TemplateName':'T'}}},'Schedule':{'StartTime':'2026-02-01T00:00:00Z','EndTime':'2026-01-01T00:00:00Z'}}| /Schedule/EndTime| must be after StartTime",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'PUSH':{'TemplateName':'T'}}},'Limits':{'EndpointReentryCap':'once'}}| /Limits/EndpointReentryCap| must be a whole number",
        "{'Name':'x','StartActivity':'A','Activities':{'A':{'PUSH':{'TemplateName':'T'}}},'StartCondition':{'SegmentStartCondition':{'SegmentId':'s'},'EventStartCondition':{}}}| /StartCondition| must have exactly one of SegmentStartCondition and EventStartCondition",
        "{'export':{'Name':'x','StartActivity':'A','Activities':{'A':{'PUSH':{'TemplateName':'T'}}}},'id':'Bad Id'}| /id| a journey id is [a-z0-9][a-z0-9-]{0,63}",
        "{'export':{'Name':'x','StartActivity':'A','Activities':{'A':{'PUSH':{'TemplateName':'T'}}}},'segments':{'s':'NO'}}| /segments/s| a Waymark id is [a-z0-9][a-z0-9-]{0,63}",
        "{'export':'x'}| /export| must be an object",
        "{'Name':'___','StartActivity':'A','Activities':{'A':{'PUSH':{'TemplateName':'T'}}}}| /Name| needs letters or digits to make a journey id (or give an id)",
      })
  void isRefusedNamingTheField(String export, String field, String message) {
    String json = export.replace('\'', '"');
    assertThat(Problems.of(() -> PinpointImport.convert(Json.parse(json))))
        .contains(field + ": " + message);
  }
}
