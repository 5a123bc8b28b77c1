package dev.mlobservatory.console.traffic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Relative weights of the model versions traffic goes to, e.g. {@code v1=0.7,v2=0.3}.
 * Weights need not sum to 1; a version with weight 0 gets nothing.
 */
public record ModelMix(Map<String, Double> weights) {

    public ModelMix {
        if (weights == null || weights.isEmpty()) {
            throw new IllegalArgumentException("model mix must name at least one model version");
        }
        double total = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (!e.getKey().matches("v[0-9]+")) {
                throw new IllegalArgumentException("model version must look like v1, v2…, got '" + e.getKey() + "'");
            }
            Double w = e.getValue();
            if (w == null || !Double.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("weight of " + e.getKey() + " must be a number >= 0, got " + w);
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("model mix weights must not all be 0");
        }
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    public static ModelMix of(double v1, double v2) {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("v1", v1);
        w.put("v2", v2);
        return new ModelMix(w);
    }

    /** Parses {@code v1=0.7,v2=0.3}. */
    public static ModelMix parse(String text) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("model mix must look like v1=0.7,v2=0.3, got '" + text + "'");
            }
            try {
                if (w.put(kv[0].trim(), Double.parseDouble(kv[1].trim())) != null) {
                    throw new IllegalArgumentException("model version " + kv[0].trim() + " appears twice in '" + text + "'");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight of " + kv[0].trim() + " is not a number: '" + kv[1].trim() + "'");
            }
        }
        return new ModelMix(w);
    }

    /** Draws a version in proportion to the weights. */
    public String pick(RandomGenerator random) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double x = random.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (e.getValue() > 0) {
                last = e.getKey();
                x -= e.getValue();
                if (x < 0) {
                    return last;
                }
            }
        }
        return last;
    }

    /** Share of traffic for {@code version}, 0–1. */
    public double share(String version) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        return weights.getOrDefault(version, 0.0) / total;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        weights.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }
}
