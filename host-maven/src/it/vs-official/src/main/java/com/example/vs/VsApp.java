package com.example.vs;

public class VsApp {
    public static void main(String[] args) {
        System.out.println(org.apache.commons.lang3.StringUtils.reverse("vs"));
    }
}
