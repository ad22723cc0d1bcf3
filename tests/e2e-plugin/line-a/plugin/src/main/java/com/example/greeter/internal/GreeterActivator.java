package com.example.greeter.internal;

import com.alipay.sofa.ark.spi.model.PluginContext;
import com.alipay.sofa.ark.spi.service.PluginActivator;
import com.example.greeter.api.Greeter;

/** The plugin's activator (manifest attribute activator): SOFAArk runs start() when it starts the plugin. */
public class GreeterActivator implements PluginActivator {

    @Override
    public void start(PluginContext context) {
        String name = context.getPlugin().getPluginName();
        Greeter.markActivated(name);
        System.out.println("[greeter-plugin-a] GreeterActivator started plugin " + name + " in "
                + getClass().getClassLoader().getClass().getName());
    }

    @Override
    public void stop(PluginContext context) {
    }
}
