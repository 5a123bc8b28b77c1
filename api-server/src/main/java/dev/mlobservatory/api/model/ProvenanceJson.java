package dev.mlobservatory.api.model;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns OLCUT provenance trees into maps, lists and scalars that Jackson writes as JSON,
 * so the model card can serve Tribuo's provenance without OLCUT's own JSON module.
 */
final class ProvenanceJson {

    private ProvenanceJson() {
    }

    static Map<String, Object> toMap(ObjectProvenance provenance) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("class-name", provenance.getClassName());
        for (Pair<String, Provenance> entry : provenance) {
            out.put(entry.getA(), convert(entry.getB()));
        }
        return out;
    }

    private static Object convert(Provenance p) {
        if (p instanceof ObjectProvenance object) {
            return toMap(object);
        }
        if (p instanceof ListProvenance<?> list) {
            List<Object> out = new ArrayList<>();
            for (Provenance item : list) {
                out.add(convert(item));
            }
            return out;
        }
        if (p instanceof MapProvenance<?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Pair<String, ? extends Provenance> entry : map) {
                out.put(entry.getA(), convert(entry.getB()));
            }
            return out;
        }
        if (p instanceof PrimitiveProvenance<?> primitive) {
            Object value = primitive.getValue();
            return value instanceof Number || value instanceof Boolean ? value : String.valueOf(value);
        }
        return String.valueOf(p);
    }
}
