package dev.arkpack.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.inject.Named;
import javax.inject.Singleton;

import org.apache.maven.eventspy.AbstractEventSpy;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.plugin.MojoExecution;

/**
 * A Maven event spy for tests/bench/maven-bench.sh: how long each mojo execution takes, from Maven's
 * MojoStarted event to MojoSucceeded (or MojoFailed). That span is what Maven spends on the goal itself:
 * building the plugin's class realm (first use in this JVM), creating and configuring the mojo, and
 * execute(). The project's dependency resolution happens before MojoStarted and is not in it.
 *
 * Load it with -Dmaven.ext.class.path=mojo-timer.jar and name the output with -Darkpack.bench.timing=FILE:
 * every build appends one line, `groupId:artifactId:goal@executionId=milliseconds` items separated by tabs.
 * Without that property it does nothing.
 */
@Named
@Singleton
public class MojoTimer extends AbstractEventSpy {
    private final Map<MojoExecution, Long> started = new IdentityHashMap<>();
    private final Map<String, Double> millis = new LinkedHashMap<>();
    private String output;

    @Override
    public void init(Context context) {
        Object props = context.getData().get("userProperties");
        if (props instanceof Map) {
            Object v = ((Map<?, ?>) props).get("arkpack.bench.timing");
            output = v == null ? null : v.toString();
        }
        if (output == null) {
            output = System.getProperty("arkpack.bench.timing");
        }
    }

    @Override
    public void onEvent(Object event) {
        if (output == null || !(event instanceof ExecutionEvent)) {
            return;
        }
        ExecutionEvent e = (ExecutionEvent) event;
        MojoExecution m = e.getMojoExecution();
        long now = System.nanoTime();
        switch (e.getType()) {
            case MojoStarted:
                synchronized (this) {
                    started.put(m, now);
                }
                break;
            case MojoSucceeded:
            case MojoFailed:
                synchronized (this) {
                    Long t0 = started.remove(m);
                    if (t0 != null) {
                        String key = m.getGroupId() + ":" + m.getArtifactId() + ":" + m.getGoal() + "@" + m.getExecutionId();
                        millis.merge(key, (now - t0) / 1e6, Double::sum);
                    }
                }
                break;
            default:
                break;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (output == null) {
            return;
        }
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Double> item : millis.entrySet()) {
            if (line.length() > 0) {
                line.append('\t');
            }
            line.append(item.getKey()).append('=').append(String.format(java.util.Locale.ROOT, "%.3f", item.getValue()));
        }
        try (Writer w = new OutputStreamWriter(new FileOutputStream(output, true), StandardCharsets.UTF_8)) {
            w.write(line.append('\n').toString());
        }
    }
}
