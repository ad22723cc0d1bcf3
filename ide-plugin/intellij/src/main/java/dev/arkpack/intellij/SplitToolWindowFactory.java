// Registers the "arkpack Split" tool window: the module-splitting web view in a JCEF browser, or a
// short explanation where JCEF is not available.
package dev.arkpack.intellij;

import com.intellij.openapi.project.DumbAware;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.wm.ToolWindow;
import com.intellij.openapi.wm.ToolWindowFactory;
import com.intellij.ui.components.JBLabel;
import com.intellij.ui.content.Content;
import com.intellij.ui.content.ContentFactory;
import com.intellij.ui.jcef.JBCefApp;
import javax.swing.JComponent;
import javax.swing.SwingConstants;
import org.jetbrains.annotations.NotNull;

public final class SplitToolWindowFactory implements ToolWindowFactory, DumbAware {

    @Override
    public void createToolWindowContent(@NotNull Project project, @NotNull ToolWindow toolWindow) {
        JComponent component;
        if (JBCefApp.isSupported()) {
            component = new SplitPanel(project, toolWindow.getDisposable()).component();
        } else {
            component = new JBLabel("<html>The split view needs the embedded browser (JCEF), which this IDE "
                    + "runtime does not provide.<br>Run <code>arkpack split serve</code> and open its address in a "
                    + "browser instead.</html>", SwingConstants.CENTER);
        }
        Content content = ContentFactory.getInstance().createContent(component, "", false);
        toolWindow.getContentManager().addContent(content);
    }
}
