package com.example.demo;

/** A class without a main method, so main-class detection has something to skip. */
public class DemoService {
    public String name() {
        return "demo";
    }
}
