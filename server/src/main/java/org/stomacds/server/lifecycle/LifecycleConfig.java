package org.stomacds.server.lifecycle;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the application leaves a load balancer's rotation when asked to stop (README "Deploying").
 */
@Configuration(proxyBeanMethods = false)
public class LifecycleConfig {

  @Bean
  ShutdownDrain shutdownDrain(
      ApplicationEventPublisher events, @Value("${stomacds.shutdown.drain:0s}") Duration drain) {
    return new ShutdownDrain(events, drain);
  }
}
