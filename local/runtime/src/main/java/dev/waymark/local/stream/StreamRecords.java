package dev.waymark.local.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Turns DynamoDB Streams records (SDK v2) into the records a Lambda stream event carries. */
final class StreamRecords {
  private StreamRecords() {}

  static DynamodbEvent.DynamodbStreamRecord toLambda(Record record, String streamArn) {
    StreamRecord stream = new StreamRecord();
    stream.setSequenceNumber(record.dynamodb().sequenceNumber());
    stream.setKeys(image(record.dynamodb().keys()));
    if (record.dynamodb().hasNewImage()) {
      stream.setNewImage(image(record.dynamodb().newImage()));
    }
    if (record.dynamodb().hasOldImage()) {
      stream.setOldImage(image(record.dynamodb().oldImage()));
    }
    stream.setStreamViewType(
        com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(
            record.dynamodb().streamViewTypeAsString()));
    stream.setSizeBytes(record.dynamodb().sizeBytes());
    DynamodbEvent.DynamodbStreamRecord out = new DynamodbEvent.DynamodbStreamRecord();
    out.setEventID(record.eventID());
    out.setEventName(record.eventNameAsString());
    out.setEventSource("aws:dynamodb");
    out.setEventSourceARN(streamArn);
    out.setAwsRegion("us-east-1");
    out.setDynamodb(stream);
    return out;
  }

  private static Map<String, AttributeValue> image(
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    item.forEach((k, v) -> out.put(k, value(v)));
    return out;
  }

  private static AttributeValue value(
      software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
    AttributeValue out = new AttributeValue();
    switch (v.type()) {
      case S -> out.setS(v.s());
      case N -> out.setN(v.n());
      case BOOL -> out.setBOOL(v.bool());
      case NUL -> out.setNULL(true);
      case SS -> out.setSS(v.ss());
      case NS -> out.setNS(v.ns());
      case L -> out.setL(v.l().stream().map(StreamRecords::value).toList());
      case M -> out.setM(image(v.m()));
      case B -> out.setB(v.b().asByteBuffer());
      case BS -> out.setBS(v.bs().stream().map(b -> b.asByteBuffer()).toList());
      default -> throw new IllegalArgumentException("unsupported attribute type " + v.type());
    }
    return out;
  }
}
