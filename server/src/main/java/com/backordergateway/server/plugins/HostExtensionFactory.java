package com.backordergateway.server.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginRuntimeException;

/**
 * Creates extensions through their public no-argument constructor and nothing else: plugins get
 * host services only through the context passed to {@code open}, never the plugin manager or
 * the injector. Unlike PF4J's default factory it never logs and returns null: a failure
 * throws with the reason, which the host shows against the plugin.
 */
final class HostExtensionFactory implements ExtensionFactory {

  @Override
  public <T> T create(Class<T> extensionClass) {
    Constructor<T> constructor;
    try {
      constructor = extensionClass.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new PluginRuntimeException(extensionClass.getName() + " needs a public no-argument constructor");
    }
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new PluginRuntimeException(cause, "{} constructor threw {}: {}", extensionClass.getName(),
          cause.getClass().getSimpleName(), cause.getMessage());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new PluginRuntimeException(e, "cannot create {}: {}", extensionClass.getName(), e.toString());
    }
  }
}
