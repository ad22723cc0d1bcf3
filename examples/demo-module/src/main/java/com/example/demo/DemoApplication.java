package com.example.demo;

import com.example.greeting.Greeter;

/** The example module's start class: arkpack finds it from the bytecode (it has the only main). */
public class DemoApplication {
    public static void main(String[] args) {
        System.out.println(new Greeter("demo-module").greet());
    }
}
