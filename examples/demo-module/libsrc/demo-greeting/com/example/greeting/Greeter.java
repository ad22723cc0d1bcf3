package com.example.greeting;

/** A tiny library the example module depends on; packaged under lib/ of the biz jar. */
public class Greeter {
    private final String who;

    public Greeter(String who) {
        this.who = who;
    }

    public String greet() {
        return "hello from " + who;
    }
}
