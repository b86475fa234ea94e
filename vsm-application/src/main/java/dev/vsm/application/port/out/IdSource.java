package dev.vsm.application.port.out;

/** Where new task ids come from (8 lower-case hex characters in production). */
public interface IdSource {
  String newTaskId();
}
