package dev.waymark.core.journey.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which URLs a webhook step may call (the resolver is a table, so no DNS is involved). */
class WebhookTargetsTest {
  static final Map<String, String> DNS =
      Map.of(
          "crm.example.com", "93.184.216.34",
          "internal.example.com", "10.0.3.7",
          "metadata.example.com", "169.254.169.254",
          "cgnat.example.com", "100.64.1.1",
          "v6local.example.com", "fd00::1",
          "localhost", "127.0.0.1",
          "127.0.0.1", "127.0.0.1");

  static WebhookTargets targets(boolean local) {
    return new WebhookTargets(
        local,
        host -> {
          String ip = DNS.get(host);
          if (ip == null) {
            throw new UnknownHostException(host);
          }
          return new InetAddress[] {InetAddress.getByName(ip)};
        });
  }

  @Test
  void httpsToAPublicAddressIsCalled() {
    assertThat(targets(false).check("https://crm.example.com/hooks/lease?x=1").getHost())
        .isEqualTo("crm.example.com");
  }

  @Test
  void privateLinkLocalLoopbackAndSharedAddressesAreRefusedInAws() {
    for (String url :
        new String[] {
          "https://internal.example.com/x",
          "https://metadata.example.com/latest/meta-data",
          "https://cgnat.example.com/",
          "https://v6local.example.com/",
          "https://localhost/",
          "https://127.0.0.1:9001/2018-06-01/runtime/invocation/next"
        }) {
      assertThatThrownBy(() -> targets(false).check(url))
          .as(url)
          .isInstanceOf(WebhookFailure.class)
          .hasMessageContaining("private or local address");
    }
  }

  @Test
  void httpIsOnlyForLocalhostOnALocalRuntime() {
    assertThat(targets(true).check("http://127.0.0.1:3000/_local/webhooks/a").getPort())
        .isEqualTo(3000);
    assertThat(targets(true).check("https://internal.example.com/x")).isNotNull();
    assertThatThrownBy(() -> targets(false).check("http://127.0.0.1:3000/_local/webhooks/a"))
        .isInstanceOf(WebhookFailure.class)
        .hasMessageContaining("use https");
    assertThatThrownBy(() -> targets(true).check("http://crm.example.com/x"))
        .hasMessageContaining("use https");
  }

  @Test
  void otherSchemesUserInfoAndUnknownHostsAreRefused() {
    assertThatThrownBy(() -> targets(true).check("ftp://crm.example.com/x"))
        .hasMessageContaining("must be https");
    assertThatThrownBy(() -> targets(false).check("https://user:pw@crm.example.com/x"))
        .hasMessageContaining("no user info");
    assertThatThrownBy(() -> targets(false).check("https://nowhere.example.com/x"))
        .hasMessageContaining("does not resolve");
    assertThatThrownBy(() -> targets(false).check("not a url")).isInstanceOf(WebhookFailure.class);
  }
}
