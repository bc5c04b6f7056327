package org.medassist.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.medassist.platform.SecretSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The RSA keys that sign staff access tokens, kept in PostgreSQL so that every instance signs and verifies
 * alike. The newest key signs; older keys still verify until they retire, one token lifetime after a newer key
 * appeared. Rotation is periodic ({@code medassist.identity.signing-key-rotation}) and on demand. Private keys are
 * stored sealed under the master key ({@code private_sealed}), so a dump of the database cannot sign tokens.
 */
@Component
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final JdbcClient jdbc;

	private final IdentityProperties properties;

	private final Clock clock;

	private volatile List<RSAKey> keys = List.of();

	private volatile Instant lastReload = Instant.EPOCH;

	private final SecretSealer sealer;

	SigningKeys(JdbcClient jdbc, IdentityProperties properties, Clock clock, SecretSealer sealer) {
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.properties = properties;
		this.clock = clock;
	}

	/** The key new tokens are signed with. */
	RSAKey signing() {
		List<RSAKey> current = keys;
		if (current.isEmpty()) {
			current = reload();
			if (current.isEmpty()) {
				rotate();
				current = keys;
			}
		}
		return current.get(0);
	}

	/** The keys tokens may be verified with (newest first); reloads when asked for a key it does not know. */
	JWKSet verification(String kid) {
		List<RSAKey> current = keys;
		// An unknown kid may be another instance's new key: reload, but at most every few seconds, so that
		// tokens with made-up kids cannot make every request read the table.
		if (kid != null && current.stream().noneMatch(k -> kid.equals(k.getKeyID()))
				&& clock.instant().isAfter(lastReload.plusSeconds(5))) {
			current = reload();
		}
		return new JWKSet(List.copyOf(current));
	}

	/** Public keys, for anyone who wants to verify our tokens. */
	JWKSet publicKeys() {
		return verification(null).toPublicJWKSet();
	}

	/** Adds a new signing key; returns its id. */
	synchronized String rotate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			String kid = UUID.randomUUID().toString();
			jdbc.sql("INSERT INTO signing_key (kid, public_der, private_der, private_sealed, created_at)"
					+ " VALUES (?, ?, ?, true, ?)")
				.params(kid, pair.getPublic().getEncoded(), sealer.seal(pair.getPrivate().getEncoded(), context(kid)),
						Timestamp.from(clock.instant()))
				.update();
			log.info("New access-token signing key {}", kid);
			reload();
			return kid;
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Makes a new key when the newest is too old, and retires keys no valid token can still name. */
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
	void maintain() {
		Instant now = clock.instant();
		Instant newest = jdbc.sql("SELECT max(created_at) FROM signing_key WHERE retired_at IS NULL")
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
		if (newest == null || newest.plus(properties.signingKeyRotation()).isBefore(now)) {
			rotate();
		}
		// A key retires once a newer key has been signing for two token lifetimes: by then no token it signed is
		// still valid.
		int retired = jdbc.sql("""
				UPDATE signing_key old SET retired_at = ?
				WHERE old.retired_at IS NULL AND EXISTS (
				    SELECT 1 FROM signing_key newer WHERE newer.created_at > old.created_at AND newer.created_at < ?)""")
			.params(Timestamp.from(now), Timestamp.from(now.minus(properties.accessTokenTtl().multipliedBy(2))))
			.update();
		if (retired > 0) {
			log.info("Retired {} old signing keys", retired);
		}
		// Every instance picks up rotations and retirements made by others.
		reload();
	}

	/**
	 * Seals private keys still stored in plain text (made before sealing existed). Idempotent, and safe on several
	 * instances at once: a row changes only while it still holds the plain key read.
	 *
	 * @return how many were sealed here
	 */
	int sealPlainKeys() {
		List<Row> plain = jdbc
			.sql("SELECT kid, public_der, private_der, created_at FROM signing_key WHERE NOT private_sealed")
			.query((rs, n) -> new Row(rs.getString("kid"), rs.getBytes("public_der"), rs.getBytes("private_der"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
		int sealed = 0;
		for (Row row : plain) {
			sealed += jdbc.sql("UPDATE signing_key SET private_der = ?, private_sealed = true"
					+ " WHERE kid = ? AND NOT private_sealed AND private_der = ?")
				.params(sealer.seal(row.privateDer(), context(row.kid())), row.kid(), row.privateDer())
				.update();
		}
		return sealed;
	}

	/** Bound to the key's id: a sealed key copied to another row does not open. */
	static byte[] context(String kid) {
		return ("signing_key|private_der|" + kid).getBytes(StandardCharsets.UTF_8);
	}

	private synchronized List<RSAKey> reload() {
		List<RSAKey> loaded = jdbc
			.sql("SELECT kid, public_der, private_der, private_sealed, created_at FROM signing_key"
					+ " WHERE retired_at IS NULL")
			.query((rs, n) -> new Stored(new Row(rs.getString("kid"), rs.getBytes("public_der"),
					rs.getBytes("private_der"), rs.getTimestamp("created_at").toInstant()), rs.getBoolean("private_sealed")))
			.list()
			.stream()
			.map(this::opened)
			.flatMap(java.util.Optional::stream)
			.sorted(Comparator.comparing(Row::createdAt).reversed())
			.map(Row::toJwk)
			.toList();
		keys = loaded;
		lastReload = clock.instant();
		return loaded;
	}

	private record Stored(Row row, boolean sealed) {
	}

	/**
	 * The key with its private half opened; empty when it does not open (another master key: a restore started
	 * with the wrong key file). Such a key is skipped, so a new one is made and tokens keep working; MasterKeyCheck
	 * reports the wrong master key at start.
	 */
	private java.util.Optional<Row> opened(Stored stored) {
		Row row = stored.row();
		if (!stored.sealed()) {
			return java.util.Optional.of(row);
		}
		try {
			return java.util.Optional.of(new Row(row.kid(), row.publicDer(), sealer.open(row.privateDer(), context(row.kid())),
					row.createdAt()));
		}
		catch (IllegalStateException e) {
			log.error("Signing key {} does not open with this master key; it is skipped", row.kid());
			return java.util.Optional.empty();
		}
	}

	private record Row(String kid, byte[] publicDer, byte[] privateDer, Instant createdAt) {

		RSAKey toJwk() {
			try {
				KeyFactory rsa = KeyFactory.getInstance("RSA");
				return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicDer)))
					.privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateDer)))
					.keyID(kid)
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.RS256)
					.build();
			}
			catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
				throw new IllegalStateException("signing key " + kid + " is unreadable", e);
			}
		}
	}
}
