package org.medassist.keys;

import java.time.Instant;

/**
 * A change of the master key was refused and nothing changed: for the deployment's audit chain. No key material.
 *
 * @param unopenable how many stored values the current key did not open (0 when the new key was the current one)
 */
public record MasterKeyChangeFailed(Instant at, int unopenable) {
}
