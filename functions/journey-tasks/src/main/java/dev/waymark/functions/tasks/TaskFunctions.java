package dev.waymark.functions.tasks;

import dev.waymark.aws.WaymarkServices;
import dev.waymark.aws.journey.JourneyServices;
import dev.waymark.core.send.SendService;

/** What the task functions build at init in Lambda: the core and journey services. */
record TaskFunctions(WaymarkServices core, JourneyServices journeys) {

  static TaskFunctions fromEnvironment() {
    JourneyServices journeys = JourneyServices.fromEnvironment();
    return new TaskFunctions(journeys.core(), journeys);
  }

  SendService send() {
    return journeys.send();
  }
}
