package dev.mlobservatory.api.model;

import java.util.Map;

/**
 * What one model said about one flower.
 *
 * @param label the predicted class
 * @param confidence the score of the predicted class (0–1)
 * @param probabilities every class's score, in the model's class order
 */
public record PredictionResult(String label, double confidence, Map<String, Double> probabilities) {
    public PredictionResult {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
        // Keep the model's class order in the JSON answer: Map.copyOf would scramble it.
        probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
    }
}
