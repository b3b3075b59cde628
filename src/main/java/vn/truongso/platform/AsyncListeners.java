package vn.truongso.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Lets a module's event listener run on its own executor ({@code @Async("name")}), so that what
 * reacts to a change never slows the request that made it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncListeners {}
