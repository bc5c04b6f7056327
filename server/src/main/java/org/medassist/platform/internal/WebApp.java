package org.medassist.platform.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web app's screens are routes of one page (built from {@code web/} into {@code static/}): a reload or a
 * shared link on any of them gets that page, which then shows the right screen.
 */
@Controller
class WebApp {

	@GetMapping({ "/", "/c/{consultation}", "/nurse", "/nurse/**", "/admin", "/admin/**" })
	String screen() {
		return "forward:/index.html";
	}
}
