package com.example.plugin.impl;

public class Helper {
    /** A nested class: not listed in export-classes (only top-level classes are). */
    public static class Inner {
    }
}
