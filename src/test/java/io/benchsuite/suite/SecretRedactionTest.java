package io.benchsuite.suite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {

    @Test
    void namesThatHoldSecretsAreRecognised() {
        for (String name : List.of(
                "api_key",
                "api-key",
                "hf_token",
                "ssl_keyfile",
                "password",
                "db_password",
                "openai_api_key",
                "secret",
                "AWS_SECRET",
                "token")) {
            assertTrue(ServerSession.SECRET_NAME.matcher(name).find(), name);
        }
    }

    @Test
    void engineSettingsThatOnlyMentionTokensStayReadable() {
        for (String name : List.of(
                "tokenizer",
                "max_num_batched_tokens",
                "max_model_len",
                "kv_cache_dtype",
                "tokenizer_mode",
                "keep_alive",
                "monkey")) {
            assertFalse(ServerSession.SECRET_NAME.matcher(name).find(), name);
        }
    }
}
