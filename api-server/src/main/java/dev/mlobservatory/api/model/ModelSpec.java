package dev.mlobservatory.api.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;

/**
 * A model version: its name, a sentence for the model card, explicit hyper-parameters and the seeded trainer.
 *
 * @param version the URL segment and {@code model_version} label value
 * @param description one sentence for the model card
 * @param hyperParameters every setting the trainer receives, for the model card
 * @param trainer builds a fresh, seeded trainer
 */
public record ModelSpec(String version, String description, Map<String, Object> hyperParameters,
                        Supplier<Trainer<Label>> trainer) {

    public ModelSpec {
        if (version == null || !version.matches("v[0-9]+")) {
            throw new IllegalArgumentException("version must look like v1, v2…, got " + version);
        }
        hyperParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperParameters));
    }

    /**
     * v1: one CART tree of depth 2. Its leaves are not pure, so its class scores are real probabilities
     * (the share of training flowers of each class in the leaf), which makes the confidence histogram worth reading.
     */
    public static ModelSpec v1() {
        int maxDepth = 2;
        float minChildWeight = 5f;
        float fractionFeatures = 1f;
        long seed = 1L;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("trainer", "CARTClassificationTrainer");
        params.put("max_depth", maxDepth);
        params.put("min_child_weight", minChildWeight);
        params.put("min_impurity_decrease", 0f);
        params.put("fraction_features_in_split", fractionFeatures);
        params.put("impurity", "gini");
        params.put("seed", seed);
        return new ModelSpec("v1", "A single shallow CART decision tree (depth 2).", params,
                () -> new CARTClassificationTrainer(maxDepth, minChildWeight, 0f, fractionFeatures,
                        false, new GiniIndex(), seed));
    }

    /**
     * v2: a random forest of 25 bagged CART trees of depth 4, each split looking at half the features.
     * Stronger than one shallow tree, and its scores are averaged over the trees, so they stay graded
     * instead of the 0/1 of a single deep tree.
     */
    public static ModelSpec v2() {
        int maxDepth = 4;
        float minChildWeight = 2f;
        float fractionFeatures = 0.5f;
        int trees = 25;
        long treeSeed = 2L;
        long forestSeed = 3L;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("trainer", "RandomForestTrainer");
        params.put("members", trees);
        params.put("combiner", "FullyWeightedVotingCombiner");
        params.put("member_trainer", "CARTClassificationTrainer");
        params.put("max_depth", maxDepth);
        params.put("min_child_weight", minChildWeight);
        params.put("min_impurity_decrease", 0f);
        params.put("fraction_features_in_split", fractionFeatures);
        params.put("impurity", "gini");
        params.put("seed", forestSeed);
        params.put("member_seed", treeSeed);
        return new ModelSpec("v2", "A random forest of 25 CART trees (depth 4), scores averaged.", params,
                () -> new RandomForestTrainer<>(
                        new CARTClassificationTrainer(maxDepth, minChildWeight, 0f, fractionFeatures,
                                false, new GiniIndex(), treeSeed),
                        new FullyWeightedVotingCombiner(), trees, forestSeed));
    }
}
