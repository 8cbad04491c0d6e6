/** The ASL definition model and static validation (AWS diagnostic codes and messages). */
package dev.waymark.states.asl;
