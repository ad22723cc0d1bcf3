package dev.arkpack.e2eplugin.base;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The base application: Koupleless turns it into the master biz; it answers one URL itself. */
@SpringBootApplication
@RestController
public class BaseApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaseApplication.class, args);
    }

    @GetMapping("/base")
    public String base() {
        return "arkpack-e2e-plugin base b";
    }
}
