package org.luoshi.task.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.luoshi.agency.api.model.ResolutionKind;
import org.luoshi.agency.api.model.ResolveBatchResult;

/** agency-service's answers are read past fields a newer agency-service adds, so either service may be upgraded first. */
class AgencyResolveClientTest {

    private static final String NEWER_ANSWER = """
            {"results": [{"query": "省教育厅", "jurisdiction": "430000", "confidence": 0.9,
              "resolution": {"query": "省教育厅", "kind": "AGENCY", "name": "湖南省教育厅", "someFutureField": {"a": 1}}}]}""";

    @Test
    void anAnswerWithFieldsThisVersionDoesNotKnowIsReadAllTheSame() throws Exception {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        assertThrows(UnrecognizedPropertyException.class, () -> strict.readValue(NEWER_ANSWER, ResolveBatchResult.class),
                "the service's own mapper, as configured, refuses them");

        ResolveBatchResult answer = AgencyResolveClient.answers(strict).readValue(NEWER_ANSWER, ResolveBatchResult.class);
        assertEquals(ResolutionKind.AGENCY, answer.getResults().get(0).getResolution().getKind());
        assertEquals("湖南省教育厅", answer.getResults().get(0).getResolution().getName());
    }
}
