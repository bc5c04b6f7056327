package org.medassist.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Installation-wide settings ({@code medassist.*}; environment {@code MEDASSIST_DATA}, {@code MEDASSIST_DEMO}).
 *
 * @param data directory for everything MedAssist keeps on local disk (the embedded database, later indexes)
 * @param demo seed the demo clinics; {@code null} means "only with the embedded database"
 */
@ConfigurationProperties("medassist")
public record PlatformProperties(@DefaultValue("./data") Path data, Boolean demo) {
}
