package com.backordergateway.client.cli;

import com.backordergateway.api.v1.Customer;
import com.backordergateway.api.v1.CustomerOrder;
import picocli.CommandLine.TypeConversionException;

/**
 * Orders on the command line: {@code ORDER_ID[,key=value...]} with the customer's {@code email},
 * {@code phone}, {@code name}, {@code locale}, {@code time-zone} and {@code customer-id}, e.g.
 * {@code ORD-5001,email=maya@example.com,time-zone=America/Chicago}.
 */
final class Orders {

  static final String FORMAT = "ORDER_ID[,email=..][,phone=..][,name=..][,locale=..][,time-zone=..][,customer-id=..]";

  /** One parsed {@code --order}. */
  record Spec(CustomerOrder order) {}

  private Orders() {}

  static Spec parse(String text) {
    String[] parts = text.split(",");
    if (parts[0].isBlank() || parts[0].contains("=")) {
      throw new TypeConversionException("'" + text + "' does not start with an order id: " + FORMAT);
    }
    Customer.Builder customer = Customer.newBuilder();
    for (int i = 1; i < parts.length; i++) {
      int equals = parts[i].indexOf('=');
      if (equals <= 0) {
        throw new TypeConversionException("'" + parts[i] + "' is not key=value: " + FORMAT);
      }
      String value = parts[i].substring(equals + 1).trim();
      switch (parts[i].substring(0, equals).trim()) {
        case "email" -> customer.setEmail(value);
        case "phone" -> customer.setPhone(value);
        case "name" -> customer.setName(value);
        case "locale" -> customer.setLocale(value);
        case "time-zone" -> customer.setTimeZone(value);
        case "customer-id" -> customer.setCustomerId(value);
        default -> throw new TypeConversionException("unknown order key '" + parts[i] + "': " + FORMAT);
      }
    }
    return new Spec(CustomerOrder.newBuilder().setOrderId(parts[0].trim()).setCustomer(customer).build());
  }
}
