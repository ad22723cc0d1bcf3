package com.example.demo;

/** A class without a main method, so main-class detection has something to skip. */
public class DemoService {
    public String name() {
        return "demo";
    }

    /** An anonymous class: its class file carries an EnclosingMethod attribute. */
    public Runnable task() {
        return new Runnable() {
            @Override
            public void run() {
                System.out.println(name());
            }
        };
    }
}
