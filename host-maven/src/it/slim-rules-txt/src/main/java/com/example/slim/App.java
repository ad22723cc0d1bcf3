// The module's main class; the slimming ITs look only at what gets packaged.
package com.example.slim;

public final class App {
    private App() {
    }

    public static void main(String[] args) {
        System.out.println("slim module");
    }
}
