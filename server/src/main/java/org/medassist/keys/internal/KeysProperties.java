package org.medassist.keys.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Key settings ({@code medassist.keys.*}).
 *
 * @param masterKeyFile the master key (a Tink JSON keyset); else the environment's {@code MEDASSIST_MASTER_KEY_FILE};
 * else {@code <medassist.data>/master-key.json}, generated on first start. Not with {@code MEDASSIST_MASTER_KEY} (the
 * keyset itself), nor when a {@code MasterKeySource} bean is declared
 * @param keysetCacheTtl how long an instance keeps a clinic's unwrapped keyset before reading it again: after a
 * rotation elsewhere it encrypts under the old primary at most this long (a key may retire only after twice this)
 * @param reencryptEvery how often each instance looks for clinics whose values are not all under the primary key
 * @param reencryptBatch values re-encrypted per transaction
 */
@ConfigurationProperties("medassist.keys")
record KeysProperties(Path masterKeyFile, @DefaultValue("1m") Duration keysetCacheTtl,
		@DefaultValue("PT1M") Duration reencryptEvery, @DefaultValue("200") int reencryptBatch) {

	KeysProperties {
		if (reencryptBatch < 1) {
			throw new IllegalArgumentException("medassist.keys.reencrypt-batch must be at least 1");
		}
	}
}
