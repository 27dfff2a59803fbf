@epic:Checkout_&_payments @owner:maria.lopez @gift-cards
Feature: Gift cards
  Customers pay all or part of an order with an Acme gift card.

  Background:
    Given a customer with a cart worth $80.00
    And a gift card "GC-1000" with a balance of $50.00

  Rule: Redeem a gift card

    @GC-101 @req:SHOP-7
    Scenario: Pay part of an order with a gift card
      When the customer redeems the gift card "GC-1000"
      Then the order total is reduced by $50.00
      And the customer pays the remaining $30.00 by card

    @GC-102 @manual @req:SHOP-7
    Scenario Outline: An unusable gift card is refused
      When the customer redeems the gift card "<code>"
      Then the checkout says "<message>"

      Examples: Cards that never worked
        | code    | message                        |
        | GC-0000 | This gift card does not exist |

      Examples: Cards that no longer work
        | code       | message                      |
        | GC-EXPIRED | This gift card has expired   |
        | GC-EMPTY   | This gift card has no balance |

  Rule: Check the balance

    @GC-110 @manual
    Scenario: Check the balance of several cards at once
      When the customer checks these gift cards on the balance page:
        | code    |
        | GC-1000 |
        | GC-2000 |
      Then the page shows each card's balance and expiry date
      And the support team gets no e-mail, only this receipt:
        """text
        Balance check for 2 gift cards. No action needed.
        """
