package com.example.shared.internal;

import com.alipay.sofa.ark.spi.model.PluginContext;
import com.alipay.sofa.ark.spi.service.PluginActivator;
import com.example.shared.api.SharedGreeter;

/** The plugin's activator (manifest attribute activator): SOFAArk runs start() when it starts the plugin. */
public class SharedActivator implements PluginActivator {

    @Override
    public void start(PluginContext context) {
        String name = context.getPlugin().getPluginName();
        SharedGreeter.markActivated(name);
        System.out.println("[shared-plugin-b] SharedActivator started plugin " + name + " in "
                + getClass().getClassLoader().getClass().getName());
    }

    @Override
    public void stop(PluginContext context) {
    }
}
