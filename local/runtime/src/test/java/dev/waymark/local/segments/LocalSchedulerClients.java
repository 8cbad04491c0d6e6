package dev.waymark.local.segments;

import dev.waymark.local.LocalRuntime;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/** The AWS SDK's SchedulerClient pointed at the local runtime's Scheduler endpoint. */
final class LocalSchedulerClients {
  private LocalSchedulerClients() {}

  static SchedulerClient client(LocalRuntime runtime) {
    return SchedulerClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(runtime.scheduler().endpoint())
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
