package com.example.plugin;

import com.alipay.sofa.ark.spi.model.PluginContext;
import com.alipay.sofa.ark.spi.service.PluginActivator;

/** Started by the SOFAArk container when the plugin starts. */
public class GreeterActivator implements PluginActivator {
    @Override
    public void start(PluginContext context) {
    }

    @Override
    public void stop(PluginContext context) {
    }
}
