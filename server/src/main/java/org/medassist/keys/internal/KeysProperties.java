package org.medassist.keys.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Key settings ({@code medassist.keys.*}).
 *
 * @param masterKeyFile the master key (a Tink JSON keyset); else the environment's {@code MEDASSIST_MASTER_KEY_FILE};
 * else {@code <medassist.data>/master-key.json}, generated on first start
 */
@ConfigurationProperties("medassist.keys")
record KeysProperties(Path masterKeyFile) {
}
