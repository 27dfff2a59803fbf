@epic:Checkout_&_payments @owner:maria.lopez
Feature: Checkout flow
  One page takes the customer from the cart to a placed order.

  Background:
    Given a customer with a classic hoodie in the cart
    And a saved shipping address in Brooklyn, NY 11201

  Rule: One-page checkout

    @allure.id:3001 @smoke @req:SHOP-6
    Scenario: Place an order paid by Visa in one step
      When the customer pays with the Visa card "4242 4242 4242 4242"
      Then the order is placed
      And the confirmation page shows the order number

    @allure.id:3003
    Scenario: An empty cart cannot be checked out
      Given the customer empties the cart
      When the customer opens the checkout
      Then the checkout says "Your cart is empty"
