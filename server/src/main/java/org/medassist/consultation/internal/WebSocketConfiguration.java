package org.medassist.consultation.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

	private final ConsultationSocket socket;

	WebSocketConfiguration(ConsultationSocket socket) {
		this.socket = socket;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		// Authentication is by bearer token in-band, never by cookie, so any origin may connect.
		// Every frame of a session is sent from the thread handling that session's incoming frame, one at a time.
		registry.addHandler(socket, "/ws/consultations/*").setAllowedOriginPatterns("*");
	}

	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(32 * 1024);
		container.setMaxSessionIdleTimeout(30 * 60 * 1000L);
		return container;
	}
}
