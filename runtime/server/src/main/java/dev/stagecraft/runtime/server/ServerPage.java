package dev.stagecraft.runtime.server;

/**
 * What the page at {@code /} is rendered with. The page holds no tenant's data: a tenant signs in
 * with its token in the browser, and the page reads its runs from the JSON API with it.
 *
 * @param title the page's title
 * @param refreshMillis how often the page reads the runs again
 */
public record ServerPage(String title, int refreshMillis) {}
