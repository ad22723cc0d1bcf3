package dev.arkpack.e2e.module;

import org.apache.commons.lang3.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The module's own endpoints, served by the base's Tomcat under the biz's web context path. */
@RestController
public class HelloController {

    /** A fixed answer, computed with a class from the module's own lib/ (commons-lang3). */
    @GetMapping("/hello")
    public String hello() {
        return "arkpack-e2e module b says " + StringUtils.reverse("zib-kra");
    }

    /** Where the library class came from, to show it loaded from the biz and not from the base. */
    @GetMapping("/where")
    public String where() {
        return String.valueOf(StringUtils.class.getProtectionDomain().getCodeSource().getLocation());
    }
}
