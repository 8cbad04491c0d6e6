package dev.waymark.core.send;

import dev.waymark.core.message.Channel;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-click unsubscribe links (RFC 8058): the token names the person, channel and topic and is
 * signed with HMAC-SHA256, so nobody can unsubscribe someone else by guessing.
 */
public final class UnsubscribeLinks {
  private final String baseUrl;
  private final byte[] secret;

  /**
   * @param baseUrl the public API's base URL; links go to {@code <base>/v1/unsubscribe?token=…}
   */
  public UnsubscribeLinks(String baseUrl, byte[] secret) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.secret = secret.clone();
  }

  public record Subscription(String profileId, Channel channel, String topic) {}

  public String url(String profileId, Channel channel, String topic) {
    return baseUrl + "/v1/unsubscribe?token=" + token(profileId, channel, topic);
  }

  public String token(String profileId, Channel channel, String topic) {
    String payload = profileId + "|" + channel + "|" + (topic == null ? "" : topic);
    return encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + encode(sign(payload));
  }

  public Optional<Subscription> verify(String token) {
    int dot = token == null ? -1 : token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    try {
      String payload =
          new String(
              Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      if (!java.security.MessageDigest.isEqual(
          sign(payload), Base64.getUrlDecoder().decode(token.substring(dot + 1)))) {
        return Optional.empty();
      }
      String[] parts = payload.split("\\|", -1);
      return Optional.of(
          new Subscription(
              parts[0], Channel.valueOf(parts[1]), parts[2].isEmpty() ? null : parts[2]));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
