package com.example.plugin;

public class Api {
}
