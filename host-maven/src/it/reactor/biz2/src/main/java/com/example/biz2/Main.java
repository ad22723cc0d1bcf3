package com.example.biz2;

import com.example.facade.Greeter;

public class Main {
    public static void main(String[] args) {
        Greeter g = n -> "hello " + n;
        System.out.println(g.greet("biz2"));
    }
}
