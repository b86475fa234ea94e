package dev.vsm.application.document;

import dev.vsm.domain.viability.Adaptation;
import dev.vsm.domain.viability.AdaptationType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Adaptations in a document: the metrics' active ones, and those a task was planned under. */
public final class AdaptationDocuments {

  private AdaptationDocuments() {}

  /** Adaptations as the metrics file lists them (the task plans too). */
  public static List<Map<String, Object>> adaptations(List<Adaptation> list) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Adaptation a : list) {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("type", a.type().label());
      am.put("trigger", a.trigger());
      am.put("effect", a.effect());
      am.put("applied_at", Timestamps.normalize(a.appliedAt()));
      am.put("parameters", a.parameters());
      out.add(am);
    }
    return out;
  }

  /** The adaptations listed under {@code key}; one of a type vsm does not know is dropped. */
  public static List<Adaptation> adaptations(DocumentFields f, String key) {
    List<Adaptation> out = new ArrayList<>();
    for (Object o : f.list(key)) {
      DocumentFields a = DocumentFields.of(o, "an adaptation");
      String label = a.requiredText("type");
      Optional<AdaptationType> known = AdaptationType.parse(label);
      if (known.isEmpty()) {
        // Written by a newer vsm or by hand: the rest of the document is still good.
        f.warn("dropped an active adaptation of unknown type '" + label + "'; kept the rest");
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : a.object("parameters").entrySet()) {
        params.put(e.getKey(), String.valueOf(e.getValue()));
      }
      out.add(
          new Adaptation(
              known.get(),
              a.text("trigger", ""),
              a.text("effect", ""),
              Timestamps.normalize(a.text("applied_at", "")),
              params));
    }
    return out;
  }
}
