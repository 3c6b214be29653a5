package dev.switchboard.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

class MalformedJsonMapperTest {

    @Test
    void aParseErrorSaysWhereTheJsonBrokeAndNotWhatItSaid() {
        JsonLocation at = new JsonLocation() {
            @Override
            public long getLineNumber() {
                return 1;
            }

            @Override
            public long getColumnNumber() {
                return 7;
            }

            @Override
            public long getStreamOffset() {
                return 6;
            }
        };
        ProcessingException e = new ProcessingException("RESTEASY008200: JSON Binding deserialization error",
                new JsonbException("Internal error: secret-body", new JsonParsingException("Unexpected char 39", at)));
        assertThat(MalformedJsonMapper.message(e))
                .startsWith("the request body is not valid JSON (it breaks at line 1, column 7)")
                .contains("[\"fax\"]")
                .doesNotContain("secret-body");
    }

    @Test
    void jsonOfTheWrongShapeIsSaidSo() {
        ProcessingException e = new ProcessingException("x", new JsonbException("Cannot deserialize"));
        assertThat(MalformedJsonMapper.message(e)).contains("not of the shape");
    }
}
