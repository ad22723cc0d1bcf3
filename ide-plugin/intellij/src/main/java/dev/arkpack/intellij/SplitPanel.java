// The tool window's content: a JCEF browser showing the web view served by `arkpack split serve`, a
// small toolbar (analyse again), and the bridge through which the page hands a plan back for
// `arkpack split apply` (a dry run first, shown to the user, then the real run on confirmation).
// IDE glue only: commands come from cli.SplitCommands, the process from cli.SplitServer.
package dev.arkpack.intellij;

import com.intellij.notification.NotificationGroupManager;
import com.intellij.notification.NotificationType;
import com.intellij.openapi.Disposable;
import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.application.PathManager;
import com.intellij.openapi.progress.ProgressIndicator;
import com.intellij.openapi.progress.Task;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.ui.Messages;
import com.intellij.openapi.util.Disposer;
import com.intellij.openapi.vfs.VfsUtil;
import com.intellij.ui.jcef.JBCefBrowser;
import com.intellij.ui.jcef.JBCefBrowserBase;
import com.intellij.ui.jcef.JBCefJSQuery;
import dev.arkpack.intellij.cli.ArkpackBinary;
import dev.arkpack.intellij.cli.ProcessResult;
import dev.arkpack.intellij.cli.SplitCommands;
import dev.arkpack.intellij.cli.SplitInputs;
import dev.arkpack.intellij.cli.SplitServer;
import dev.arkpack.intellij.cli.ViewAssets;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import org.cef.browser.CefBrowser;
import org.cef.browser.CefFrame;
import org.cef.handler.CefLoadHandlerAdapter;
import org.jetbrains.annotations.NotNull;

final class SplitPanel implements Disposable {

    private final Project project;
    private final JPanel root = new JPanel(new BorderLayout());
    private final JBCefBrowser browser;
    private final JBCefJSQuery applyQuery;
    private final Path workDir;
    private volatile SplitServer server;

    SplitPanel(Project project, Disposable parent) {
        this.project = project;
        this.workDir = Path.of(PathManager.getSystemPath(), "arkpack-split", project.getLocationHash());
        this.browser = JBCefBrowser.createBuilder().build();
        // Created before the first load, as JCEF requires for JS queries.
        this.applyQuery = JBCefJSQuery.create((JBCefBrowserBase) browser);
        applyQuery.addHandler(plan -> {
            applyPlan(plan);
            return null;
        });
        browser.getJBCefClient().addLoadHandler(new CefLoadHandlerAdapter() {
            @Override
            public void onLoadEnd(CefBrowser cef, CefFrame frame, int httpStatusCode) {
                if (frame.isMain()) {
                    injectHostBridge(cef);
                }
            }
        }, browser.getCefBrowser());

        JButton analyse = new JButton("Analyse again");
        analyse.setToolTipText("Build the project first; the view reads its compiled classes and libraries");
        analyse.addActionListener(e -> start());
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        bar.add(analyse);
        root.add(bar, BorderLayout.NORTH);
        root.add(browser.getComponent(), BorderLayout.CENTER);

        Disposer.register(parent, this);
        Disposer.register(this, browser);
        Disposer.register(this, applyQuery);
        start();
    }

    JComponent component() {
        return root;
    }

    /** The page looks for window.arkpackHost.applyPlan(planJson, name); it forwards the plan text here. */
    private void injectHostBridge(CefBrowser cef) {
        String js = "window.arkpackHost = { applyPlan: function (plan, name) { " + applyQuery.inject("plan") + " } };"
                + "window.dispatchEvent(new Event('arkpack-host-ready'));";
        cef.executeJavaScript(js, cef.getURL(), 0);
    }

    /** Analyses the project, (re)starts the server and loads the view, in the background. */
    private void start() {
        new Task.Backgroundable(project, "arkpack: analysing the project for splitting", true) {
            @Override
            public void run(@NotNull ProgressIndicator indicator) {
                try {
                    Path arkpack = ArkpackBinary.locate().orElseThrow(() -> new IOException(
                            "arkpack not found: set ARKPACK_BIN or the arkpack.bin system property, or put arkpack on the PATH"));
                    SplitInputs inputs = ProjectFacts.collect(project);
                    if (!SplitCommands.hasInput(inputs)) {
                        throw new IOException("no compiled classes yet: build the project, then press Analyse again");
                    }
                    Files.createDirectories(workDir);
                    Path analysis = workDir.resolve("analysis.json");
                    indicator.setText("arkpack split analyze");
                    ProcessResult analysed = ProcessResult.run(SplitCommands.analyze(arkpack, inputs, analysis), inputs.projectDir());
                    if (!analysed.ok()) {
                        throw new IOException("arkpack split analyze failed:\n" + analysed.output());
                    }
                    Path view = ViewAssets.extract(SplitPanel.class.getClassLoader(), workDir.resolve("view"));
                    indicator.setText("arkpack split serve");
                    stopServer();
                    SplitServer started = SplitServer.start(SplitCommands.serve(arkpack, analysis, view), Duration.ofSeconds(60));
                    server = started;
                    ApplicationManager.getApplication().invokeLater(() -> browser.loadURL(started.url()));
                } catch (IOException e) {
                    notify("arkpack split: " + e.getMessage(), NotificationType.ERROR);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.queue();
    }

    /** Writes the plan, shows the dry run of `arkpack split apply`, and applies it when confirmed. */
    private void applyPlan(String planJson) {
        new Task.Backgroundable(project, "arkpack: checking the split plan", true) {
            @Override
            public void run(@NotNull ProgressIndicator indicator) {
                try {
                    Path arkpack = ArkpackBinary.locate().orElseThrow(() -> new IOException("arkpack not found"));
                    Path projectDir = Path.of(project.getBasePath());
                    Path plan = workDir.resolve("plan.json");
                    Files.writeString(plan, planJson, StandardCharsets.UTF_8);
                    ProcessResult dryRun = ProcessResult.run(SplitCommands.apply(arkpack, plan, projectDir, false), projectDir);
                    if (!dryRun.ok()) {
                        throw new IOException("arkpack split apply (dry run) failed:\n" + dryRun.output());
                    }
                    ApplicationManager.getApplication().invokeLater(() -> confirmAndWrite(arkpack, plan, projectDir, dryRun.output()));
                } catch (IOException e) {
                    notify("arkpack split: " + e.getMessage(), NotificationType.ERROR);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.queue();
    }

    private void confirmAndWrite(Path arkpack, Path plan, Path projectDir, String dryRun) {
        String shown = dryRun.length() > 4000 ? dryRun.substring(0, 4000) + "\n…" : dryRun;
        int answer = Messages.showYesNoDialog(project, shown, "Apply Split Plan", "Apply", "Cancel", Messages.getQuestionIcon());
        if (answer != Messages.YES) {
            return;
        }
        new Task.Backgroundable(project, "arkpack: applying the split plan", false) {
            @Override
            public void run(@NotNull ProgressIndicator indicator) {
                try {
                    ProcessResult written = ProcessResult.run(SplitCommands.apply(arkpack, plan, projectDir, true), projectDir);
                    VfsUtil.markDirtyAndRefresh(true, true, true, projectDir.toFile());
                    notify(written.ok() ? "Split plan applied. Review the changes before committing."
                            : "arkpack split apply failed:\n" + written.output(),
                            written.ok() ? NotificationType.INFORMATION : NotificationType.ERROR);
                } catch (IOException e) {
                    notify("arkpack split apply: " + e.getMessage(), NotificationType.ERROR);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.queue();
    }

    private void notify(String message, NotificationType type) {
        NotificationGroupManager.getInstance().getNotificationGroup("arkpack").createNotification(message, type).notify(project);
    }

    private void stopServer() {
        SplitServer running = server;
        server = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public void dispose() {
        stopServer();
    }
}
