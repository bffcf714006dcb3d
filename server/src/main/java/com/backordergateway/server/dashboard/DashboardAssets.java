package com.backordergateway.server.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The dashboard's script and style sheet, from the jar (no CDN: it works offline). */
final class DashboardAssets {

  private static final Map<String, String> TYPES = Map.of(
      "dashboard.css", "text/css; charset=utf-8",
      "dashboard.js", "text/javascript; charset=utf-8");

  private final Map<String, byte[]> files;

  DashboardAssets() {
    this.files = Map.of("dashboard.css", read("dashboard.css"), "dashboard.js", read("dashboard.js"));
  }

  void serve(Context ctx) {
    String name = ctx.pathParam("file");
    byte[] content = files.get(name);
    if (content == null) {
      ctx.status(HttpStatus.NOT_FOUND).result("no such asset");
      return;
    }
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(TYPES.get(name)).result(content);
  }

  private static byte[] read(String name) {
    try (InputStream in = DashboardAssets.class.getResourceAsStream("/dashboard/assets/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the dashboard asset " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
