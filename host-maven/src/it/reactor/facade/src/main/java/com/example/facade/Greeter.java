package com.example.facade;

public interface Greeter {
    String greet(String name);

    static void main(String[] args) {
        System.out.println("facade");
    }
}
