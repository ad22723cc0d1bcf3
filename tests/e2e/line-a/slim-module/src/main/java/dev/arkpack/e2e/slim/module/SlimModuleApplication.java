// Over-slimming e2e case (tests/e2e/README.md): see the class comment below.
package dev.arkpack.e2e.slim.module;

import dev.arkpack.e2e.slim.b.Greeter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The over-slimming case's module: at startup it calls lib-b, which needs lib-c. A biz jar without lib-c
 * fails right here with NoClassDefFoundError (the base has neither lib-a nor lib-c).
 */
@SpringBootApplication
@RestController
public class SlimModuleApplication {

    private static String greeting;

    public static void main(String[] args) {
        greeting = Greeter.greet();
        SpringApplication.run(SlimModuleApplication.class, args);
    }

    @GetMapping("/hello")
    public String hello() {
        return greeting;
    }
}
