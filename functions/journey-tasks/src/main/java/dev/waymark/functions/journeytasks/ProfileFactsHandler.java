package dev.waymark.functions.journeytasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.waymark.aws.composition.Composition;
import dev.waymark.aws.telemetry.Telemetry;
import dev.waymark.core.json.Json;
import dev.waymark.core.message.Channel;
import dev.waymark.core.profile.ConsentChannel;
import dev.waymark.core.profile.Profile;
import dev.waymark.core.profile.ProfileService;
import dev.waymark.core.send.Reachability;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Facts about a person for Choice states: {@code reachable.<channel>} (an address, a valid phone,
 * the app installed), {@code consent.<channel>} (for the payload's optional {@code topic}), and the
 * current {@code traits}.
 */
public record ProfileFactsHandler(ProfileService profiles, Telemetry telemetry)
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  public ProfileFactsHandler() {
    this(Composition.journeyFunction().core().profiles(), Telemetry.powertools());
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
    return telemetry.invocation(
        context,
        () -> {
          JsonNode p = TaskPayloads.tree(payload);
          Profile profile =
              profiles
                  .resolve(TaskPayloads.text(p, "profileId"))
                  .orElseThrow(
                      () -> new IllegalStateException("the run's profile no longer exists"));
          String topic = p.hasNonNull("topic") ? p.get("topic").asText() : null;
          Map<String, Object> reachable = new LinkedHashMap<>();
          Map<String, Object> consent = new LinkedHashMap<>();
          for (Channel channel : Channel.values()) {
            reachable.put(
                channel.name(),
                Reachability.of(profile, channel) instanceof Reachability.Reachable);
            consent.put(
                channel.name(),
                profile
                    .consents()
                    .allows(ConsentChannel.valueOf(channel.name().toUpperCase()), topic));
          }
          Map<String, Object> facts = new LinkedHashMap<>();
          facts.put("profileId", profile.id());
          facts.put("reachable", reachable);
          facts.put("consent", consent);
          facts.put("traits", Json.MAPPER.convertValue(profile.traits().values(), Map.class));
          return facts;
        });
  }
}
