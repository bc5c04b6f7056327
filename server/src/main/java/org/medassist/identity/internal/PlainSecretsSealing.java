package org.medassist.identity.internal;

import org.medassist.identity.ClinicId;
import org.medassist.identity.Clinics;
import org.medassist.identity.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, seals what installations from before sealing stored in plain text: TOTP secrets (clinic by clinic,
 * under each clinic's row-level security) and token-signing private keys. Reads accept both forms meanwhile, so a
 * login works before, during and after. Logs counts only.
 */
@Component
@Order(1)
class PlainSecretsSealing implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PlainSecretsSealing.class);

	private final Clinics clinics;

	private final StaffAccounts accounts;

	private final SigningKeys signingKeys;

	private final TransactionTemplate tx;

	PlainSecretsSealing(Clinics clinics, StaffAccounts accounts, SigningKeys signingKeys, TransactionTemplate tx) {
		this.clinics = clinics;
		this.accounts = accounts;
		this.signingKeys = signingKeys;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		int secrets = 0;
		for (ClinicId clinic : clinics.all()) {
			secrets += Tenancy.callAs(clinic, () -> tx.execute(s -> accounts.sealPlainSecrets()));
		}
		int keys = tx.execute(s -> signingKeys.sealPlainKeys());
		if (secrets + keys > 0) {
			log.info("Sealed {} plain TOTP secret(s) and {} plain signing key(s) under the master key", secrets, keys);
		}
	}
}
